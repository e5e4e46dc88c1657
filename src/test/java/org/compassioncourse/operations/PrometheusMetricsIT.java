package org.compassioncourse.operations;

import org.compassioncourse.Application;
import org.compassioncourse.account.AccountService;
import org.compassioncourse.account.RegistrationForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus can scrape the app's own figures from /actuator/prometheus on the private management port (as in
 * production), while the app's public port sends an anonymous scrape to the login page.
 */
class PrometheusMetricsIT {

    @TempDir
    Path dataDir;

    @Test
    void prometheusScrapeShowsAccountsAnswersAndTheBackupJob() throws Exception {
        try (var app = new SpringApplicationBuilder(Application.class).web(WebApplicationType.SERVLET)
                .run("--course.data-dir=" + dataDir, "--course.content-dir=src/test/resources/course-fixture",
                        "--logging.level.root=warn", "--server.port=0", "--management.server.port=0")) {
            app.getBean(AccountService.class).registerLearner(
                    new RegistrationForm("Mia Metrics", "mia@ward7.example", "calm-harbour-lantern"));
            app.getBean(DatabaseBackup.class).backUp();

            Environment env = app.getEnvironment();
            String port = env.getRequiredProperty("local.management.port");
            HttpResponse<String> publicPort = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + env.getRequiredProperty("local.server.port") + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(publicPort.statusCode()).as("not on the public port without a login").isEqualTo(302);
            HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body())
                    .contains("course_accounts 1.0")
                    .contains("course_answers_stored 0.0")
                    .contains("course_attempts_open 0.0")
                    .contains("course_backup_seconds_count 1")
                    .containsPattern("course_backup_last_success_seconds [1-9]")
                    .contains("jvm_memory_used_bytes");
        }
    }
}
