-- 勤怠簿出力.sql（LanScope 提供・デモ用）
-- 前日 05:00 から当日 05:00 までのログを、ログオンユーザ名ごとに集計して CSV に出力します。
declare @tmpDay datetime
set @tmpDay = dateadd(day, -1, getdate())
select ログオンユーザ名, min(イベント日時) as 開始日時, max(イベント日時) as 終了日時
from (
select *
from lspcat_evmr01..eventmr
where 日時 >= convert(varchar, @tmpDay, 111) + '05:00:00.000'
and 日時 < convert(varchar, dateadd(day, 1, @tmpDay), 111) + '05:00:00.000'
and イベント日時 >= convert(varchar, @tmpDay, 111) + '05:00:00.000'
and イベント日時 < convert(varchar, dateadd(day, 1, @tmpDay), 111) + '05:00:00.000'
and ログオンユーザ名 <> 'SYSTEM'
and (ログ種類 = 1 or ログ種類 = 2)
)ev01
group by /*サブマネージャno, エージェントno, */ログオンユーザ名
order by /*サブマネージャno, エージェントno, */ログオンユーザ名 asc
