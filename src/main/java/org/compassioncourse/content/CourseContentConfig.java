package org.compassioncourse.content;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the course once at start-up; invalid content stops the application with every problem listed. */
@Configuration
class CourseContentConfig {

    private static final Logger log = LoggerFactory.getLogger(CourseContentConfig.class);

    @Bean
    CourseContentLoader.Loaded loadedCourse(CourseContentProperties properties) {
        CourseContentLoader.Loaded loaded = CourseContentLoader.loadAll(properties.contentDir());
        Course course = loaded.course();
        log.info("Loaded course '{}' (version {}) from {}: {} lessons, {} glossary terms, {} references, {} figures",
                course.title(), course.version(), properties.contentDir().toAbsolutePath().normalize(),
                course.lessons().size(), course.glossary().size(), course.references().size(), course.figures().size());
        loaded.warnings().forEach(warning -> log.warn("Course content: {}", warning));
        return loaded;
    }

    @Bean
    Course course(CourseContentLoader.Loaded loaded) {
        return loaded.course();
    }

    @Bean
    CompletionContent completionContent(CourseContentLoader.Loaded loaded) {
        return loaded.completion();
    }
}
