/** Accounts: registration, account settings, setup and password-reset links, and the account directory. */
@NullMarked
package org.compassioncourse.account;

import org.jspecify.annotations.NullMarked;
