package org.compassioncourse;

import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every package of the application is {@link NullMarked}: a type is non-null unless it says {@code @Nullable}, and
 * Spring Data checks repository methods against that at run time. A new package without a package-info fails here.
 */
class NullMarkedPackagesTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyPackageWithTypesIsNullMarked() throws IOException {
        List<String> packages = packagesWithTypes();
        assertThat(packages).as("the packages found under " + SOURCES).contains("org.compassioncourse",
                "org.compassioncourse.quiz", "org.compassioncourse.quiz.ui");
        assertThat(packages.stream().filter(name -> !isNullMarked(name)).toList())
                .as("packages without a package-info.java annotated @NullMarked").isEmpty();
    }

    private static List<String> packagesWithTypes() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.getFileName().toString().equals("package-info.java"))
                    .map(file -> SOURCES.relativize(file.getParent()).toString().replace(java.io.File.separatorChar, '.'))
                    .distinct().sorted().toList();
        }
    }

    /** Read from the compiled package, so a @NullMarked in a comment or a missing import does not pass. */
    private static boolean isNullMarked(String packageName) {
        try {
            return Class.forName(packageName + ".package-info").isAnnotationPresent(NullMarked.class);
        } catch (ClassNotFoundException noPackageInfo) {
            return false;
        }
    }
}
