-- Issue 13: the counted result of each quiz per learner, stored once. Which submitted attempt counts (course.yaml
-- counts: highest, first or last) and whether it passed are decided by one piece of Java (quiz/CountedResults),
-- which writes this row in the same transaction as the submission; reports read it instead of deciding again in SQL.
-- Existing attempts are filled in by the same Java at start-up (CountedResults.backfill), which also rewrites the
-- rows of a quiz whose counting rule changed in course.yaml (counting_rule holds the rule a row was decided under).
create table quiz_result (
    user_id            bigint       not null references user_account (id) on delete cascade,
    kind               varchar(30)  not null,
    -- the lesson of a knowledge check; '' for the pre-test and the final assessment (a key column cannot be null)
    quiz_key           varchar(100) not null,
    attempt_id         bigint       not null references quiz_attempt (id) on delete cascade,
    score_percent      double precision not null,
    -- the counted attempt's verdict as decided at its submission; null where the quiz has no pass mark
    passed             boolean,
    counting_rule      varchar(10)  not null,
    submitted_attempts integer      not null,
    -- the latest submission of any attempt at this quiz (for "last active")
    last_submitted_at  timestamp(6) with time zone not null,
    constraint pk_quiz_result primary key (user_id, kind, quiz_key)
);
create index ix_quiz_result_attempt on quiz_result (attempt_id);

-- The cohort page's per-learner figures and item analysis read by learner; these make them index look-ups.
create index ix_lesson_progress_user_completed on lesson_progress (user_id, completed_at);
create index ix_quiz_attempt_kind_version on quiz_attempt (kind, content_version, user_id);
