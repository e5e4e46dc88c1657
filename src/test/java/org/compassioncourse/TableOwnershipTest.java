package org.compassioncourse;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module owns its tables: only the module that owns a table names it in SQL (or its entity in JPQL). Others ask
 * that module's API, so a rule about its data ("passed the final", "lessons completed") is decided in one place.
 * Read from the sources: every string literal of every main class outside the {@code ui} packages.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/org/compassioncourse");

    /** Every table the migrations create, and the module that owns it. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("user_account", "account"), Map.entry("account_session", "account"),
            Map.entry("single_use_link", "account"), Map.entry("account_setup_token", "account"),
            Map.entry("external_identity", "account"),
            Map.entry("password_reset_token", "account"),
            Map.entry("app_secret", "security"), Map.entry("throttle_event", "security"), Map.entry("throttle_lock", "security"),
            Map.entry("admin_audit", "administration"),
            Map.entry("cohort", "cohort"), Map.entry("cohort_member", "cohort"),
            Map.entry("cohort_due_rule", "training"), Map.entry("due_extension", "training"),
            Map.entry("lesson_progress", "progress"), Map.entry("section_reached", "progress"),
            Map.entry("quiz_attempt", "quiz"), Map.entry("quiz_response", "quiz"), Map.entry("quiz_result", "quiz"),
            Map.entry("attempt_grant", "quiz"),
            Map.entry("course_completion", "completion"), Map.entry("certificate", "completion"),
            Map.entry("course_evaluation", "completion"), Map.entry("evaluation_answer", "completion"),
            Map.entry("review_card", "review"), Map.entry("review_log", "review"),
            Map.entry("shedlock", "operations"), Map.entry("event_publication", "operations"),
            Map.entry("xapi_outbox", "lrs"));

    private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE_USE = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+([a-z_]+)\\b");
    private static final Pattern ENTITY_USE = Pattern.compile("org\\.compassioncourse\\.([a-z]+)\\.[A-Z]\\w*");

    @Test
    void onlyTheOwningModuleNamesATableInSql() throws IOException {
        List<String> trespasses = new ArrayList<>();
        Map<String, Integer> scanned = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2 || relative.toString().contains("/ui/")) {
                    continue;
                }
                String module = relative.getName(0).toString();
                String source = Files.readString(file);
                Matcher string = STRING.matcher(source);
                while (string.find()) {
                    String text = string.group(1) != null ? string.group(1) : string.group(2);
                    Matcher table = TABLE_USE.matcher(text);
                    while (table.find()) {
                        String owner = OWNERS.get(table.group(1).toLowerCase());
                        if (owner != null) {
                            scanned.merge(module, 1, Integer::sum);
                            if (!owner.equals(module)) {
                                trespasses.add(relative + " names " + table.group(1) + " (owned by " + owner + ")");
                            }
                        }
                    }
                    Matcher entity = ENTITY_USE.matcher(text);
                    while (entity.find()) {
                        if (!entity.group(1).equals(module)) {
                            trespasses.add(relative + " names entity " + entity.group() + " in a query");
                        }
                    }
                }
            }
        }
        // the scan found SQL in the modules that own tables (so a broken pattern cannot pass by finding nothing)
        assertThat(scanned).containsKeys("quiz", "completion", "review", "cohort");
        assertThat(trespasses).isEmpty();
    }

    @Test
    void theScanRecognisesATrespass() {
        Matcher table = TABLE_USE.matcher(" left join quiz_result pre on pre.user_id = u.id");
        assertThat(table.find()).isTrue();
        assertThat(OWNERS.get(table.group(1))).isEqualTo("quiz");
        Matcher entity = ENTITY_USE.matcher("from Cohort c, org.compassioncourse.account.UserAccount u");
        assertThat(entity.find()).isTrue();
        assertThat(entity.group(1)).isEqualTo("account");
    }
}
