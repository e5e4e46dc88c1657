package org.compassioncourse.lrs;

import org.compassioncourse.content.Course;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The course's xAPI vocabulary (the activity ids below {@code course.xapi.activity-base}) and the mapper of learning
 * records into statements, for the instructors' download and the live stream alike, so both carry the same statements.
 */
@Component
public class LearningRecords {

    private final Course course;
    private final String activityBase;
    private final JsonMapper json = JsonMapper.builder().build();

    LearningRecords(Course course, @Value("${course.xapi.activity-base:}") String activityBase) {
        this.course = course;
        String base = activityBase.isBlank() ? "urn:compassion-course:" + course.id() : activityBase.strip();
        this.activityBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A mapper for one download: each activity is defined by the first statement that names it. */
    public XapiStatements forDownload() {
        return new XapiStatements(course, activityBase, json, true);
    }

    /** A mapper for the live stream: every statement carries the definitions of the activities it names. */
    public XapiStatements forStream() {
        return new XapiStatements(course, activityBase, json, false);
    }

    /** The activity id (an IRI) of the course; lessons, questions and quizzes hang below it. */
    public String courseActivityId() {
        return activityBase;
    }

    /** The JSON mapper statements are written with. */
    public JsonMapper json() {
        return json;
    }
}
