package org.compassioncourse.content;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads YAML as a node tree, so that every value keeps its line, and reports problems as file:line.
 * Content files are small and authored by hand: the aim is messages an author can act on.
 */
final class YamlDocument {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final String file;
    private final int lineOffset;
    private final List<ContentProblem> problems;

    /**
     * @param lineOffset lines before the YAML text in its file (a lesson header starts after its first line)
     */
    YamlDocument(String file, int lineOffset, List<ContentProblem> problems) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.problems = problems;
    }

    /** Parses the text; an unreadable document is reported and gives empty. */
    Optional<Node> parse(String text) {
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            if (root == null) {
                problem(1 - lineOffset, "the file is empty");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException unreadable) {
            int line = unreadable.getProblemMark() != null ? unreadable.getProblemMark().getLine() + 1
                    : unreadable.getContextMark() != null ? unreadable.getContextMark().getLine() + 1 : 1;
            problem(line, "unreadable YAML: " + unreadable.getProblem()
                    + (unreadable.getContext() != null ? " (" + unreadable.getContext() + ")" : ""));
            return Optional.empty();
        } catch (YAMLException unreadable) {
            problem(1, "unreadable YAML: " + unreadable.getMessage());
            return Optional.empty();
        }
    }

    void problem(int yamlLine, String message) {
        problems.add(new ContentProblem(file, yamlLine + lineOffset, message));
    }

    int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** Absolute line in the file. */
    int fileLineOf(Node node) {
        return lineOf(node) + lineOffset;
    }

    /** Absolute file line of a key of a mapping. */
    int fileLineOfKey(Mapping mapping, String key) {
        return mapping.lineOf(key) + lineOffset;
    }

    Optional<Mapping> mapping(Node node, String what) {
        if (node instanceof MappingNode map) {
            return Optional.of(new Mapping(map));
        }
        problem(lineOf(node), what + " must be a set of 'key: value' lines");
        return Optional.empty();
    }

    List<Node> list(Node node, String what) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problem(lineOf(node), what + " must be a list of '- ' items");
        return List.of();
    }

    /** The keys and values of one YAML mapping, checked against the keys a content type allows. */
    final class Mapping {
        private final MappingNode node;
        private final Map<String, Node> values = new LinkedHashMap<>();
        private final Map<String, Node> keys = new LinkedHashMap<>();

        private Mapping(MappingNode node) {
            this.node = node;
            for (NodeTuple tuple : node.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    problem(YamlDocument.this.lineOf(tuple.getKeyNode()), "a key must be a plain word");
                    continue;
                }
                if (values.containsKey(key.getValue())) {
                    problem(YamlDocument.this.lineOf(key), "duplicate key '" + key.getValue() + "'");
                }
                values.put(key.getValue(), tuple.getValueNode());
                keys.put(key.getValue(), key);
            }
        }

        int line() {
            return YamlDocument.this.lineOf(node);
        }

        /** Reports every key not in the allowed set, naming the allowed ones. */
        Mapping allowOnly(Set<String> allowed) {
            keys.forEach((key, keyNode) -> {
                if (!allowed.contains(key)) {
                    problem(YamlDocument.this.lineOf(keyNode), "unknown key '" + key + "' (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
                }
            });
            return this;
        }

        boolean has(String key) {
            return values.containsKey(key);
        }

        /** Reports a problem at the line of {@code key} (or of the mapping when the key is missing). */
        void problemAt(String key, String message) {
            YamlDocument.this.problem(lineOf(key), message);
        }

        int lineOf(String key) {
            Node keyNode = keys.get(key);
            return keyNode == null ? line() : YamlDocument.this.lineOf(keyNode);
        }

        @Nullable String string(String key, boolean required) {
            Node value = values.get(key);
            if (value == null) {
                if (required) {
                    problem(line(), "missing required field '" + key + "'");
                }
                return null;
            }
            if (!(value instanceof ScalarNode scalar)) {
                problem(YamlDocument.this.lineOf(value), "'" + key + "' must be a single value");
                return null;
            }
            String text = scalar.getValue().strip();
            if (text.isEmpty() || "null".equals(text) || "~".equals(text)) {
                if (required) {
                    problem(YamlDocument.this.lineOf(value), "'" + key + "' must not be empty");
                }
                return null;
            }
            return text;
        }

        @Nullable Integer integer(String key, int min, int max) {
            String text = string(key, true);
            if (text == null) {
                return null;
            }
            try {
                int value = Integer.parseInt(text);
                if (value < min || value > max) {
                    problem(lineOf(key), "'" + key + "' must be between " + min + " and " + max + ", not " + value);
                    return null;
                }
                return value;
            } catch (NumberFormatException notANumber) {
                problem(lineOf(key), "'" + key + "' must be a whole number, not '" + text + "'");
                return null;
            }
        }

        @Nullable Double number(String key, double min, double max) {
            String text = string(key, true);
            if (text == null) {
                return null;
            }
            try {
                double value = Double.parseDouble(text);
                if (value < min || value > max) {
                    problem(lineOf(key), "'" + key + "' must be between " + min + " and " + max + ", not " + text);
                    return null;
                }
                return value;
            } catch (NumberFormatException notANumber) {
                problem(lineOf(key), "'" + key + "' must be a number, not '" + text + "'");
                return null;
            }
        }

        @Nullable Node node(String key) {
            return values.get(key);
        }

        /** A nested mapping, e.g. feedback: {true: ..., false: ...}. */
        @Nullable Mapping mapping(String key, boolean required) {
            Node value = values.get(key);
            if (value == null) {
                if (required) {
                    problem(line(), "missing required field '" + key + "'");
                }
                return null;
            }
            return YamlDocument.this.mapping(value, "'" + key + "'").orElse(null);
        }

        /** A list of nested mappings, e.g. options: [{id, text, feedback}, ...]. */
        List<Mapping> mappings(String key, boolean required) {
            Node value = values.get(key);
            if (value == null) {
                if (required) {
                    problem(line(), "missing required field '" + key + "'");
                }
                return List.of();
            }
            List<Mapping> result = new ArrayList<>();
            for (Node item : list(value, "'" + key + "'")) {
                YamlDocument.this.mapping(item, "each item of '" + key + "'").ifPresent(result::add);
            }
            return result;
        }

        @Nullable Boolean bool(String key, boolean required) {
            String text = string(key, required);
            if (text == null) {
                return null;
            }
            return switch (text) {
                case "true", "yes" -> true;
                case "false", "no" -> false;
                default -> {
                    problem(lineOf(key), "'" + key + "' must be true or false, not '" + text + "'");
                    yield null;
                }
            };
        }

        /** The required 'id', checked to be lower-case letters and digits joined by '-'. */
        @Nullable String id() {
            String id = string("id", true);
            if (id != null && !ID.matcher(id).matches()) {
                problem(lineOf("id"), "id '" + id + "' must be lower-case letters and digits joined by '-'");
            }
            return id;
        }

        /** The required value of the key as one of the given values, matched by their YAML names; null if it is none. */
        <E> @Nullable E oneOf(String key, E[] choices, Function<E, String> name) {
            String text = string(key, true);
            for (E choice : choices) {
                if (name.apply(choice).equals(text)) {
                    return choice;
                }
            }
            if (text != null) {
                problem(lineOf(key), "'" + key + "' must be one of " + Arrays.stream(choices).map(name).toList()
                        + ", not '" + text + "'");
            }
            return null;
        }

        /** A list of plain values, each with its line; an inline list [a, b] works too. */
        List<LocatedValue> strings(String key, boolean required) {
            Node value = values.get(key);
            if (value == null) {
                if (required) {
                    problem(line(), "missing required field '" + key + "'");
                }
                return List.of();
            }
            if (!(value instanceof SequenceNode sequence)) {
                problem(YamlDocument.this.lineOf(value), "'" + key + "' must be a list");
                return List.of();
            }
            List<LocatedValue> result = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                    result.add(new LocatedValue(scalar.getValue().strip(), YamlDocument.this.lineOf(item)));
                } else {
                    problem(YamlDocument.this.lineOf(item), "each item of '" + key + "' must be a single, non-empty value");
                }
            }
            if (required && result.isEmpty()) {
                problem(lineOf(key), "'" + key + "' must list at least one item");
            }
            return result;
        }
    }

    /** A value and the line (within the YAML text) it stands on. */
    record LocatedValue(String value, int line) {
    }
}
