-- xAPI statements waiting for, or already delivered to, the learning record store (course.lrs.endpoint). A row is
-- written in the learner's own transaction (lrs/StatementRecorder), so it exists exactly when the learner's action
-- does; a sender claims rows (claimed_by, claimed_until), posts them and records the store's answer.
create table xapi_outbox (
    -- the statement's own id (a name-based UUID of the record it describes): one row per statement, ever
    statement_id  varchar(36)   not null primary key,
    user_id       bigint        not null,
    verb          varchar(200)  not null,
    object_id     varchar(1000) not null,
    statement     varchar(60000) not null,
    created_at    timestamp(6) with time zone not null,
    -- PENDING (to send, or to send again after next_try_at), SENT, FAILED (the store refused it: waits for "retry now")
    state         varchar(10)   not null,
    tries         integer       not null default 0,
    next_try_at   timestamp(6) with time zone not null,
    claimed_by    varchar(60),
    claimed_until timestamp(6) with time zone,
    sent_at       timestamp(6) with time zone,
    -- the store's last answer: HTTP status (null when it did not answer) and message
    last_status   integer,
    last_message  varchar(1000),
    last_try_at   timestamp(6) with time zone
);
-- the sender's question: pending rows due now, oldest first
create index ix_xapi_outbox_due on xapi_outbox (state, next_try_at, created_at);
create index ix_xapi_outbox_claim on xapi_outbox (claimed_by);
-- the nightly clean-up deletes rows sent long ago
create index ix_xapi_outbox_sent on xapi_outbox (sent_at);
-- erasing a learner deletes their rows
create index ix_xapi_outbox_user on xapi_outbox (user_id);
