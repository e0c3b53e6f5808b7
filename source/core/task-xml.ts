import { formatClockTime } from './clock-time.js';

/**
 * A Windows Task Scheduler task (schema 1.2, as Task Scheduler exports it): every day at a local time,
 * one program with its arguments, run as the given account whether or not it is logged on (S4U: no
 * password stored), never twice at once, stopped after two hours. `schtasks /create /xml` reads it.
 * Nothing secret goes in: the tokens are read from files or the environment when the task runs.
 */
export interface TaskSpec {
  description: string;
  /** Minutes after local midnight. */
  at: number;
  /** YYYY-MM-DD: the first day (the trigger's StartBoundary date). */
  startDate: string;
  command: string;
  /** Already one command line (see windowsCommandLine). */
  arguments: string;
  workingDirectory: string;
  /** DOMAIN\user the task runs as; omitted: the account that creates it. */
  userId?: string;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function taskXml(spec: TaskSpec): string {
  const x = escapeXml;
  return `<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Author>lanscope-kot</Author>
    <Description>${x(spec.description)}</Description>
  </RegistrationInfo>
  <Triggers>
    <CalendarTrigger>
      <StartBoundary>${spec.startDate}T${formatClockTime(spec.at)}:00</StartBoundary>
      <Enabled>true</Enabled>
      <ScheduleByDay>
        <DaysInterval>1</DaysInterval>
      </ScheduleByDay>
    </CalendarTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
${spec.userId ? `      <UserId>${x(spec.userId)}</UserId>\n` : ''}      <LogonType>S4U</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <AllowHardTerminate>true</AllowHardTerminate>
    <StartWhenAvailable>false</StartWhenAvailable>
    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>
    <AllowStartOnDemand>true</AllowStartOnDemand>
    <Enabled>true</Enabled>
    <Hidden>false</Hidden>
    <RunOnlyIfIdle>false</RunOnlyIfIdle>
    <WakeToRun>false</WakeToRun>
    <ExecutionTimeLimit>PT2H</ExecutionTimeLimit>
    <Priority>7</Priority>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>${x(spec.command)}</Command>
      <Arguments>${x(spec.arguments)}</Arguments>
      <WorkingDirectory>${x(spec.workingDirectory)}</WorkingDirectory>
    </Exec>
  </Actions>
</Task>
`.replace(/\n/g, '\r\n');
}

/** As schtasks reads a task file: UTF-16LE with a byte order mark, matching the declaration. */
export function taskXmlBytes(xml: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
}
