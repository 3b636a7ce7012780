/** Dashboard and recommendation API over the gold warehouse; features live in sub-packages. */
@NullMarked
package io.listening.webapp;

import org.jspecify.annotations.NullMarked;
