package org.compassioncourse.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of one course-content folder as the readers see them: text read safely, folders listed, every problem
 * collected with its file, and a note of the files that could not be read so that checks against them are skipped.
 */
final class ContentFiles {

    /** Markdown and YAML files: the largest shipped file is under 50 KiB; ten times that is a mistake, not a lesson. */
    static final long MAX_TEXT_BYTES = 512 * 1024;
    /** SVG figures are inlined into lesson pages; the shipped ones are under 15 KiB. */
    static final long MAX_FIGURE_BYTES = 1024 * 1024;

    private final Path folder;
    private final List<ContentProblem> problems;
    /** Files that could not be read at all: checks against their contents are skipped, to avoid cascades. */
    private final Set<String> unreadable = new HashSet<>();

    ContentFiles(Path folder, List<ContentProblem> problems) {
        this.folder = folder;
        this.problems = problems;
    }

    Path folder() {
        return folder;
    }

    /** Where every reader reports; the loader refuses the course if it is not empty. */
    List<ContentProblem> problems() {
        return problems;
    }

    void problem(String file, int line, String message) {
        problems.add(new ContentProblem(file, line, message));
    }

    /**
     * Reads one content file as UTF-8 text. Refused, each with the file's name: a file larger than its limit, a
     * symbolic link (or a file under a linked folder) whose real path lies outside the content folder, and bytes that
     * are not UTF-8 (reported with the byte offset and line of the first bad byte). A refused file is remembered as
     * unreadable, so checks that would need its contents are skipped rather than reported as knock-on errors.
     */
    Optional<String> read(String relative) {
        Optional<String> text = readChecked(relative);
        if (text.isEmpty()) {
            unreadable.add(relative);
        }
        return text;
    }

    /** Marks a file as unreadable (e.g. its YAML could not be parsed), so checks against it are skipped. */
    void markUnreadable(String relative) {
        unreadable.add(relative);
    }

    boolean isUnreadable(String relative) {
        return unreadable.contains(relative);
    }

    boolean anyUnreadable(String subfolder) {
        return unreadable.stream().anyMatch(file -> file.startsWith(subfolder));
    }

    boolean exists(String relative) {
        return Files.exists(folder.resolve(relative), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    boolean isFolder(String relative) {
        return Files.isDirectory(folder.resolve(relative));
    }

    String relative(Path path) {
        return folder.relativize(path).toString().replace('\\', '/');
    }

    /** The files in the subfolder with the suffix, sorted by name; a missing folder is a problem. */
    List<Path> filesIn(String subfolder, String suffix) {
        Path dir = folder.resolve(subfolder);
        if (!Files.isDirectory(dir)) {
            problem(subfolder + "/", 0, "folder is missing");
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException unreadableFolder) {
            problem(subfolder + "/", 0, "folder cannot be read: " + unreadableFolder.getMessage());
            return List.of();
        }
    }

    private Optional<String> readChecked(String relative) {
        Path path = folder.resolve(relative);
        if (!Files.isRegularFile(path)) {
            problem(relative, 0, "file is missing");
            return Optional.empty();
        }
        try {
            Path real = path.toRealPath();
            if (!real.startsWith(folder.toRealPath())) {
                problem(relative, 0, "is a symbolic link to " + real
                        + ", outside the course content folder; copy the file into the folder instead");
                return Optional.empty();
            }
            long limit = relative.endsWith(".svg") ? MAX_FIGURE_BYTES : MAX_TEXT_BYTES;
            long size = Files.size(real);
            if (size > limit) {
                problem(relative, 0, "file is " + kib(size) + "; the limit is " + kib(limit)
                        + (relative.endsWith(".svg") ? " for a figure; simplify the drawing" : " for a text file; split it into smaller files"));
                return Optional.empty();
            }
            return decodeUtf8(relative, Files.readAllBytes(real)).map(decoded -> decoded.replace("\r\n", "\n"));
        } catch (IOException unreadableFile) {
            problem(relative, 0, "file cannot be read: " + unreadableFile.getMessage());
        }
        return Optional.empty();
    }

    /** Strict UTF-8: the first malformed byte is reported with its offset and line; nothing is silently replaced. */
    private Optional<String> decodeUtf8(String relative, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            problem(relative, line, "file is not UTF-8 text: byte 0x%02X at byte offset %d cannot be read as UTF-8; save the file as UTF-8"
                    .formatted(bytes[offset] & 0xff, offset));
            return Optional.empty();
        }
        decoder.flush(out);
        return Optional.of(out.flip().toString());
    }

    private static String kib(long bytes) {
        return (bytes + 1023) / 1024 + " KiB";
    }
}
