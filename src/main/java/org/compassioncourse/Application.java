package org.compassioncourse;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Compassion Course: a self-paced course on the neuroscience of compassion for healthcare workers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/app.css")
@Meta(name = "description", content = "A self-paced course on the neuroscience of compassion for healthcare workers")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Compassion Course");
        settings.addLink("icon", "icons/favicon.svg");
    }

    /** Time source for services, replaceable in tests. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
