package org.compassioncourse.hello;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;

/** One page with one heading. */
@Route("")
public class HelloView extends VerticalLayout {

    public HelloView() {
        add(new H1("Hello world"));
    }
}
