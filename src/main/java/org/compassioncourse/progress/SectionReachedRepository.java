package org.compassioncourse.progress;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface SectionReachedRepository extends JpaRepository<SectionReached, SectionReached.Key> {

    @Query("select s.key from SectionReached s where s.key.userId = :userId")
    List<SectionReached.Key> findKeysByUserId(long userId);

    @Query("select s.key.sectionId from SectionReached s where s.key.userId = :userId and s.key.lessonId = :lessonId")
    List<String> findSectionIdsByUserIdAndLessonId(long userId, String lessonId);
}
