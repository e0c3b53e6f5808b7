/**
 * Imported first by cli.ts (and run first in the exe's bundle): on Windows, libuv asserts and aborts
 * (`Assertion failed: process_title … util.c`, nodejs/node#58695) when the process title is read while the
 * console's title is empty — a console opened by `start ""` or some schedulers. Setting a title first means
 * it is never read from the console.
 */
process.title = 'lanscope-kot';
