package org.compassioncourse.support;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Chromium for browser tests, registered with {@code @RegisterExtension}: {@link #browser()} starts the test's browser
 * on first use against the app of the test's Spring context ({@code local.server.port}); {@link #start()} and
 * {@link #start(int)} start further ones (a second person, or an app the test runs itself). Where Chromium is missing
 * the test is skipped, except on CI ({@link Browser}). After each test every browser is closed; when the test failed,
 * each one still open first leaves its screenshot and page source in target/browser-failures/.
 */
public final class BrowserExtension implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    private final List<Browser> started = new ArrayList<>();
    private @Nullable ExtensionContext test;
    private @Nullable Browser browser;

    @Override
    public void beforeEach(ExtensionContext context) {
        test = context;
    }

    /** The test's browser, started on first use against the app of the test's Spring context. */
    public Browser browser() {
        if (browser == null) {
            browser = start();
        }
        return browser;
    }

    /** Another browser (another person, with their own session) against the app of the test's Spring context. */
    public Browser start() {
        return start(serverPort());
    }

    /** A browser against the app at this port: one the test starts itself, or a load balancer in front of several. */
    public Browser start(int port) {
        Browser started = Browser.start(port);
        this.started.add(started);
        return started;
    }

    /**
     * A browser against the test's app at another address of this host, e.g. {@code http://127.0.0.1:<port>} (a
     * second site beside {@code localhost}, with cookies of its own).
     */
    public Browser startAt(String host) {
        Browser started = Browser.start("http://" + host + ":" + serverPort());
        this.started.add(started);
        return started;
    }

    private int serverPort() {
        if (test == null) {
            throw new IllegalStateException("Browsers start inside a test (register the extension on an instance field)");
        }
        Integer port = SpringExtension.getApplicationContext(test).getEnvironment().getProperty("local.server.port", Integer.class);
        if (port == null) {
            throw new IllegalStateException("The test's application has no server port: use @SpringBootTest(webEnvironment = RANDOM_PORT),"
                    + " or pass the port of the app the test started to start(port)");
        }
        return port;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Throwable failure = context.getExecutionException().orElse(null);
        if (failure == null || failure instanceof TestAbortedException) {
            return;
        }
        for (int i = 0; i < started.size(); i++) {
            Browser open = started.get(i);
            if (!open.isOpen()) {
                continue;
            }
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
                    + (started.size() > 1 ? "-browser" + (i + 1) : "");
            try {
                open.saveFailure(name);
                failure.addSuppressed(new IllegalStateException("Screenshot and page source: target/browser-failures/" + name + ".png/.html"));
            } catch (IOException | RuntimeException unsaved) {
                // the failure itself is what matters
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RuntimeException first = null;
        for (Browser open : started.reversed()) {
            try {
                open.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        started.clear();
        browser = null;
        test = null;
        if (first != null) {
            throw first;
        }
    }
}
