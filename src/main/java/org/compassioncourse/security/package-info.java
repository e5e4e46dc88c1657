/**
 * Signing in and keeping sessions safe: the web security configuration and headers, the login throttle, session
 * validity and the signed-in user; features that need an account's data declare it through the interfaces here
 * ({@link org.compassioncourse.security.SessionValidity}, {@link org.compassioncourse.security.RegistrationOffer}).
 */
@NullMarked
package org.compassioncourse.security;

import org.jspecify.annotations.NullMarked;
