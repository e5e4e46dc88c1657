-- Throttle subjects are now stored as an HMAC-SHA-256 keyed with a secret (issue 26): a plain SHA-256 of an email
-- could be matched against a list of emails. Rows keyed the old way would never match a new key again, and they are
-- what this change removes, so they go (they count for an hour at most).
delete from throttle_event;

-- Secrets the app makes once and every node sharing the database must agree on (the throttle's HMAC key, unless
-- course.throttle.key is configured).
create table app_secret (
    name   varchar(64)  primary key,
    secret varchar(200) not null
);

-- One row per throttled subject (kind + keyed subject), locked while an attempt is counted and recorded, so parallel
-- attempts on any node are counted one after the other (a burst of wrong passwords cannot all pass the check
-- before any is recorded). locked_at: the last use; rows older than the longest window are pruned.
create table throttle_lock (
    kind        varchar(24) not null,
    subject_key varchar(64) not null,
    locked_at   timestamp(6) with time zone not null,
    primary key (kind, subject_key)
);
create index ix_throttle_lock_age on throttle_lock (locked_at);
