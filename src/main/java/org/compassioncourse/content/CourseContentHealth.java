package org.compassioncourse.content;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The course this node serves, as part of its readiness probe ({@code /actuator/health/readiness}).
 * <p>
 * It is never DOWN on a running node, and that is the point: the course is parsed once at start-up and invalid
 * content stops the application before its web server opens (see {@link CourseContentConfig}), so a node whose
 * content is not ready never answers the probe at all. What the indicator adds is which course and version the
 * node loaded, so an operator rolling a new course out can see when every node serves the same one.
 */
@Component("courseContent")
class CourseContentHealth implements HealthIndicator {

    private final Course course;

    CourseContentHealth(Course course) {
        this.course = course;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("course", course.id())
                .withDetail("version", course.version())
                .withDetail("lessons", course.lessons().size())
                .build();
    }
}
