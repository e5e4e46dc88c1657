package org.compassioncourse.content;

import java.util.List;
import java.util.Optional;

/** A lesson of the course: header fields from its YAML front matter and sections from its Markdown. */
public record Lesson(String id, String title, int order, int minutes, List<String> objectives,
                     List<String> termIds, List<String> regionIds, List<String> referenceIds,
                     String introHtml, List<Section> sections, String file) {

    public Optional<Section> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }

    public int indexOf(String sectionId) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).id().equals(sectionId)) {
                return i;
            }
        }
        return -1;
    }

    public Section firstSection() {
        return sections.getFirst();
    }

    public Section lastSection() {
        return sections.getLast();
    }
}
