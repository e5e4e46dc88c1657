package org.compassioncourse.security.ui;

import org.compassioncourse.security.ui.IdleSessionLogout;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SessionDestroyEvent;
import com.vaadin.flow.server.SessionDestroyListener;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class IdleSessionLogoutTest {

    private SessionDestroyListener listenerOn(VaadinService service) {
        new IdleSessionLogout().serviceInit(new ServiceInitEvent(service));
        ArgumentCaptor<SessionDestroyListener> listener = ArgumentCaptor.forClass(SessionDestroyListener.class);
        verify(service).addSessionDestroyListener(listener.capture());
        return listener.getValue();
    }

    @Test
    void whenVaadinClosesAnIdleSessionTheHttpSessionWithTheLoginEndsToo() {
        VaadinService service = mock(VaadinService.class);
        VaadinSession closed = mock(VaadinSession.class);
        WrappedSession http = mock(WrappedSession.class);
        when(closed.getSession()).thenReturn(http);

        listenerOn(service).sessionDestroy(new SessionDestroyEvent(service, closed));

        verify(http).invalidate();
    }

    @Test
    void anHttpSessionThatAlreadyEndedIsLeftAlone() {
        VaadinService service = mock(VaadinService.class);
        VaadinSession closed = mock(VaadinSession.class);
        WrappedSession http = mock(WrappedSession.class);
        when(closed.getSession()).thenReturn(http);
        doThrow(new IllegalStateException("already invalidated")).when(http).invalidate();
        SessionDestroyListener listener = listenerOn(service);

        assertThatCode(() -> listener.sessionDestroy(new SessionDestroyEvent(service, closed))).doesNotThrowAnyException();
        VaadinSession withoutHttp = mock(VaadinSession.class);
        assertThatCode(() -> listener.sessionDestroy(new SessionDestroyEvent(service, withoutHttp))).doesNotThrowAnyException();
    }
}
