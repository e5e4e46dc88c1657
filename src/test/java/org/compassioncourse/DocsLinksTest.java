package org.compassioncourse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and docs/ point at each other with relative links; a moved file or a renamed heading must not leave a
 * reader at a dead end. Checks every relative Markdown link {@code [text](path)}, {@code [text](path#anchor)} and
 * {@code [text](#anchor)} outside code: the file must exist and the anchor must be a heading of it (GitHub's slug).
 * External http(s) links are not fetched.
 */
class DocsLinksTest {

    private static final int README_MAX_LINES = 160;

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");

    private final Path root = Path.of("").toAbsolutePath();

    @Test
    void everyRelativeLinkInTheDocsReachesAFileAndHeading() throws IOException {
        List<String> problems = problemsIn(documents(root));

        assertThat(problems).as("broken links (file:line: link)").isEmpty();
    }

    @Test
    void readmeStaysShort() throws IOException {
        long lines = Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8).size();

        assertThat(lines).as("README.md lines (details belong in docs/)").isLessThanOrEqualTo(README_MAX_LINES);
    }

    @Test
    void aMissingFileAndAWrongAnchorAreBothReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("guide.md"), "# Guide\n\n## Running several nodes\n\n## Running several nodes\n");
        Files.writeString(dir.resolve("index.md"), String.join("\n",
                "# Index",
                "[fine](guide.md#running-several-nodes) and [second](guide.md#running-several-nodes-1)",
                "[gone](missing.md)",
                "[wrong anchor](guide.md#running-nodes)",
                "[own heading](#index) [no such own heading](#nowhere)",
                "`[in code](nowhere.md)` [web](https://example.org/x.md)",
                "```",
                "[in a fence](nowhere.md)",
                "```",
                ""));

        List<String> problems = problemsIn(List.of(dir.resolve("index.md"), dir.resolve("guide.md")));

        assertThat(problems).containsExactly(
                "index.md:3: missing.md: no such file",
                "index.md:4: guide.md#running-nodes: no heading 'running-nodes' in guide.md",
                "index.md:5: #nowhere: no heading 'nowhere' in index.md");
    }

    @Test
    void headingsBecomeGitHubSlugs() {
        assertThat(slug("The final assessment's rules (what keeps it from being passed by elimination)"))
                .isEqualTo("the-final-assessments-rules-what-keeps-it-from-being-passed-by-elimination");
        assertThat(slug("The `certificate:` block (optional)")).isEqualTo("the-certificate-block-optional");
        assertThat(slug("Quizzes (quizzes/*.yaml)")).isEqualTo("quizzes-quizzesyaml");
        assertThat(slug("Instructor reports at 10,000 learners (CohortBenchmark)"))
                .isEqualTo("instructor-reports-at-10000-learners-cohortbenchmark");
    }

    private static List<Path> documents(Path root) throws IOException {
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("course-content/README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    private static List<String> problemsIn(List<Path> files) throws IOException {
        Path base = files.getFirst().getParent();
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            boolean inFence = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (isFence(line)) {
                    inFence = !inFence;
                    continue;
                }
                if (inFence) {
                    continue;
                }
                Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
                while (link.find()) {
                    String problem = check(file, link.group(1), anchors);
                    if (problem != null) {
                        problems.add(base.relativize(file) + ":" + (i + 1) + ": " + link.group(1) + ": " + problem);
                    }
                }
            }
        }
        return problems;
    }

    /** What is wrong with one link target, or null when it leads somewhere. */
    private static String check(Path from, String target, Map<Path, Set<String>> anchors) throws IOException {
        if (SCHEME.matcher(target).find()) {
            return null; // http(s), mailto: and the like are not ours to check
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path file = path.isEmpty() ? from : from.getParent().resolve(path).normalize();
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (anchor == null || !file.toString().endsWith(".md")) {
            return null;
        }
        Set<String> headings = anchors.get(file);
        if (headings == null) {
            headings = headingSlugs(file);
            anchors.put(file, headings);
        }
        return headings.contains(anchor) ? null
                : "no heading '" + anchor + "' in " + from.getParent().relativize(file).toString().replace('\\', '/');
    }

    private static Set<String> headingSlugs(Path file) throws IOException {
        Set<String> slugs = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (isFence(line)) {
                inFence = !inFence;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (!inFence && heading.matches()) {
                String slug = slug(heading.group(2));
                int times = seen.merge(slug, 1, Integer::sum);
                slugs.add(times == 1 ? slug : slug + "-" + (times - 1));
            }
        }
        return slugs;
    }

    private static boolean isFence(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("```") || trimmed.startsWith("~~~");
    }

    /** GitHub's heading anchor: link text kept, lower case, punctuation other than '-' and '_' dropped, spaces to '-'. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1");
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
                .replace(' ', '-');
    }
}
