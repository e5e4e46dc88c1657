-- "Passed the final" is now one rule (quiz/CountedResults): once an attempt passed, the course's counting rule chooses
-- among the passed attempts, so under 'first' the counted final is the first attempt that PASSED. Before, a learner who
-- failed and then passed under 'first' got a certificate while quiz_result (the grid, the gradebook) said "not passed"
-- and course_completion kept the failing score. 'highest' and 'last' never differed: a pass outscores a fail, and no
-- attempt follows a pass.

-- the completion's stored final score becomes that of the first passing attempt
update course_completion c set final_score = (select a.score_percent from quiz_attempt a
        where a.user_id = c.user_id and a.kind = 'FINAL_ASSESSMENT' and a.passed = true and a.submitted_at is not null
        order by a.started_at, a.id fetch first 1 rows only)
    where exists (select 1 from quiz_result r where r.user_id = c.user_id and r.kind = 'FINAL_ASSESSMENT' and r.quiz_key = ''
        and r.counting_rule = 'FIRST' and (r.passed is null or r.passed = false))
    and exists (select 1 from quiz_attempt a where a.user_id = c.user_id and a.kind = 'FINAL_ASSESSMENT' and a.passed = true
        and a.submitted_at is not null);

-- the counted finals stored under 'first' are decided again, by the new rule, at start-up (CountedResults.backfill)
delete from quiz_result where kind = 'FINAL_ASSESSMENT' and counting_rule = 'FIRST';
