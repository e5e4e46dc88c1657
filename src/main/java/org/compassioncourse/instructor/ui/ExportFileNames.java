package org.compassioncourse.instructor.ui;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/** File names for downloads that say what they hold and when: "gradebook-ward-7-nurses-2026-11-25.csv". */
final class ExportFileNames {

    private ExportFileNames() {
    }

    static String of(String what, String name, String extension, Clock clock) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-$", "");
        }
        return what + (slug.isEmpty() ? "" : "-" + slug) + "-" + LocalDate.now(clock) + "." + extension;
    }
}
