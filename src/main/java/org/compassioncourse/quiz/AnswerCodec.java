package org.compassioncourse.quiz;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Stores answers as short, readable text (e.g. "choices:a,c", "order:notice,feel,act") and reads them back. */
final class AnswerCodec {

    private AnswerCodec() {
    }

    static String encode(Answer answer) {
        return switch (answer) {
            case Answer.Choices c -> "choices:" + new TreeSet<>(c.optionIds()).stream().map(AnswerCodec::enc).collect(Collectors.joining(","));
            case Answer.TrueOrFalse t -> "tf:" + t.value();
            case Answer.Matches m -> "matches:" + pairs(m.rightByLeft());
            case Answer.Categories c -> "categories:" + pairs(c.categoryByItem());
            case Answer.Order o -> "order:" + o.itemIds().stream().map(AnswerCodec::enc).collect(Collectors.joining(","));
            case Answer.Region r -> "region:" + enc(r.regionId());
            case Answer.DontKnowYet d -> d.noAnswer().code() + ":";
            case Answer.Unanswered u -> u.noAnswer().code() + ":";
        };
    }

    static Answer decode(String text) {
        int colon = text.indexOf(':');
        String kind = text.substring(0, colon);
        String rest = text.substring(colon + 1);
        return switch (kind) {
            case "choices" -> new Answer.Choices(Set.copyOf(list(rest)));
            case "tf" -> new Answer.TrueOrFalse(Boolean.parseBoolean(rest));
            case "matches" -> new Answer.Matches(map(rest));
            case "categories" -> new Answer.Categories(map(rest));
            case "order" -> new Answer.Order(list(rest));
            case "region" -> new Answer.Region(dec(rest));
            default -> java.util.Arrays.stream(Answer.NoAnswer.values()).filter(n -> n.code().equals(kind)).findFirst().map(Answer::of)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown stored answer: " + text));
        };
    }

    private static String pairs(Map<String, String> map) {
        return new TreeMap<>(map).entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static List<String> list(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(AnswerCodec::dec).toList();
    }

    private static Map<String, String> map(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                map.put(dec(pair.substring(0, eq)), dec(pair.substring(eq + 1)));
            }
        }
        return map;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
