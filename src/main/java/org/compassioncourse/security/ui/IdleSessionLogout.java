package org.compassioncourse.security.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.WrappedSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends the login when Vaadin closes an idle session ({@code vaadin.closeIdleSessions}). Vaadin only drops its own
 * session; the HTTP session, kept fresh by the heartbeats until then, would still hold the Spring Security login, and a
 * reload of the page on a shared ward computer would show the last user's pages again.
 */
@Component
class IdleSessionLogout implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(IdleSessionLogout.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(destroyed -> {
            WrappedSession http = destroyed.getSession().getSession();
            if (http == null) {
                return;
            }
            try {
                http.invalidate();
                log.debug("Ended the HTTP session of a closed Vaadin session");
            } catch (IllegalStateException alreadyInvalidated) {
                // the HTTP session itself expired or was logged out: nothing left to end
            }
        });
    }
}
