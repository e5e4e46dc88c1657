package org.compassioncourse.content;

import org.yaml.snakeyaml.nodes.Node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the content's lists of things with ids, all one shape (a YAML list of mappings, each with a unique 'id'):
 * references.yaml, regions.yaml and glossary.yaml.
 */
final class IdListReader {

    static final String REFERENCES = "references.yaml";
    static final String REGIONS = "regions.yaml";
    static final String GLOSSARY = "glossary.yaml";
    private static final Set<String> REFERENCE_KEYS = Set.of("id", "authors", "year", "title", "source", "url");
    private static final Set<String> GLOSSARY_KEYS = Set.of("id", "term", "definition", "region");
    private static final Set<String> REGION_KEYS = Set.of("id", "name", "description");

    private final ContentFiles files;

    IdListReader(ContentFiles files) {
        this.files = files;
    }

    Map<String, Reference> references() {
        return readList(REFERENCES, REFERENCE_KEYS, (yaml, item, id) -> {
            String authors = item.string("authors", true);
            Integer year = item.integer("year", 1800, 2100);
            String title = item.string("title", true);
            String source = item.string("source", true);
            String url = item.string("url", false);
            if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
                yaml.problem(item.lineOf("url"), "url must start with https:// or http://");
            }
            return authors == null || year == null || title == null || source == null ? null
                    : new Reference(id, authors, year, title, source, url);
        });
    }

    Map<String, Region> regions() {
        return readList(REGIONS, REGION_KEYS, (yaml, item, id) -> {
            String name = item.string("name", true);
            String description = item.string("description", true);
            return name == null || description == null ? null : new Region(id, name, description);
        });
    }

    /** The glossary; a term's region must be in regions.yaml (unless that file could not be read). */
    Map<String, GlossaryTerm> glossary(Map<String, Region> regions) {
        return readList(GLOSSARY, GLOSSARY_KEYS, (yaml, item, id) -> {
            String term = item.string("term", true);
            String definition = item.string("definition", true);
            String region = item.string("region", false);
            if (region != null && !regions.containsKey(region) && !files.isUnreadable(REGIONS)) {
                yaml.problem(item.lineOf("region"), "glossary term '" + id + "' names region '" + region + "', which is not in regions.yaml");
            }
            return term == null || definition == null ? null : new GlossaryTerm(id, term, definition, region);
        });
    }

    private interface ItemReader<T> {
        T read(YamlDocument yaml, YamlDocument.Mapping item, String id);
    }

    private <T> Map<String, T> readList(String file, Set<String> keys, ItemReader<T> reader) {
        YamlDocument yaml = new YamlDocument(file, 0, files.problems());
        Map<String, T> result = new LinkedHashMap<>();
        Optional<Node> root = files.read(file).flatMap(yaml::parse);
        if (root.isEmpty()) {
            files.markUnreadable(file);
            return result;
        }
        for (Node node : yaml.list(root.get(), file)) {
            yaml.mapping(node, "each item of " + file).ifPresent(item -> {
                item.allowOnly(keys);
                String id = item.id();
                T value = reader.read(yaml, item, id);
                if (id != null && value != null) {
                    if (result.containsKey(id)) {
                        yaml.problem(item.lineOf("id"), "duplicate id '" + id + "'");
                    } else {
                        result.put(id, value);
                    }
                }
            });
        }
        return result;
    }
}
