package org.compassioncourse.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/** Where the course lives: {@code course.content-dir}, by default course-content/ of the working directory. */
@ConfigurationProperties("course")
public record CourseContentProperties(@DefaultValue("course-content") Path contentDir) {
}
