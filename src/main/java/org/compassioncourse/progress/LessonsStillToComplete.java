package org.compassioncourse.progress;

import org.compassioncourse.quiz.LessonCompletion;
import org.springframework.stereotype.Component;

import java.util.List;

/** Tells the quiz feature which lessons a learner has not completed, read from this feature's own records. */
@Component
class LessonsStillToComplete implements LessonCompletion {

    private final ProgressService progress;

    LessonsStillToComplete(ProgressService progress) {
        this.progress = progress;
    }

    @Override
    public List<String> myUnfinishedLessonTitles() {
        // "completed" is decided once, by ProgressSummary
        return progress.myProgress().lessons().stream()
                .filter(row -> row.status() != LessonStatus.COMPLETED).map(CourseProgress.LessonRow::title).toList();
    }
}
