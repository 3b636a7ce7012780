/**
 * Admin actions behind an API key: state-changing, so never a GET, and off unless a key is
 * configured.
 */
@NullMarked
package io.listening.webapp.admin;

import org.jspecify.annotations.NullMarked;
