-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.1.1, schema v2): every cross-module event
-- is stored here with the transaction that publishes it, one row per listener, and marked completed when that
-- listener has succeeded. Rows left without a completion date are re-run at start-up and counted by a metric.
--
-- Modulith ships one schema per database (schemas/v2/schema-h2.sql, schema-postgresql.sql); this is one form that
-- both accept, with the same columns: TIMESTAMP WITH TIME ZONE without H2's (9) (PostgreSQL keeps microseconds
-- either way), VARCHAR instead of PostgreSQL's TEXT (an H2 TEXT is a CLOB, which cannot be indexed), and H2's plain
-- index on listener and event instead of PostgreSQL's hash index (our events serialise to a few hundred bytes).
CREATE TABLE event_publication
(
    id                     UUID                     NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    event_type             VARCHAR(512)             NOT NULL,
    listener_id            VARCHAR(512)             NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    serialized_event       VARCHAR(4000)            NOT NULL,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id)
);
CREATE INDEX event_publication_by_listener_id_and_serialized_event_idx ON event_publication (listener_id, serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
