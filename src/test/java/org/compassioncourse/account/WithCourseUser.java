package org.compassioncourse.account;

import org.compassioncourse.security.Role;

import org.springframework.security.test.context.support.WithSecurityContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs a test as a real, registered course user (registered on first use) of the given role. */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@WithSecurityContext(factory = WithCourseUserFactory.class)
public @interface WithCourseUser {

    String email() default "learner.under.test@ward7.example";

    String displayName() default "Lena Learner";

    Role role() default Role.LEARNER;

    /** Also an administrator (the flag beside the role). */
    boolean administrator() default false;
}
