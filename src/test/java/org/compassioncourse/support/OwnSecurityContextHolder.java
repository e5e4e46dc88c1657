package org.compassioncourse.support;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Before each test, points the JVM-wide {@link SecurityContextHolder} at the test's own application's strategy.
 * Every application context Vaadin starts installs its own strategy JVM-wide, so once the test JVM holds a second
 * context (one with other properties, e.g. a mail server or another registration mode), tests of the first would
 * otherwise put their user in one strategy while method security and Vaadin's access checks read the other.
 * Runs before Spring Security's {@code @WithSecurityContext} listener (order 10000).
 */
public class OwnSecurityContextHolder implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        return 9_000;
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        useOwnStrategy(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        useOwnStrategy(testContext);
    }

    private static void useOwnStrategy(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifUnique(SecurityContextHolder::setContextHolderStrategy);
    }
}
