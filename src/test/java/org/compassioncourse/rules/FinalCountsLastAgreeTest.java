package org.compassioncourse.rules;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The final counts its last attempt ({@code counts: last}): every page and export agrees (see the scenario). */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext // its own course and database: closed after, not kept running beside the shared context
class FinalCountsLastAgreeTest extends OneRulePerFactScenario {

    @DynamicPropertySource
    static void course(DynamicPropertyRegistry registry) {
        registry.add("course.content-dir", () -> courseCounting("last").toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:counts-last;DB_CLOSE_DELAY=-1");
    }
}
