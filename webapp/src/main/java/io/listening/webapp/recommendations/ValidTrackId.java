package io.listening.webapp.recommendations;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.listening.events.TrackIds;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;

/**
 * The annotated string is a track id as the event contract defines it: {@link TrackIds#isValid}
 * decides and {@link TrackIds#RULE} is the message, so the API and the pipeline share one rule.
 */
@Documented
@Constraint(validatedBy = ValidTrackId.Validator.class)
@Target({PARAMETER, FIELD})
@Retention(RUNTIME)
@interface ValidTrackId {

  String message() default "must be " + TrackIds.RULE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Null is left to {@code @NotNull}, as Bean Validation's own constraints do. */
  class Validator implements ConstraintValidator<ValidTrackId, String> {

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
      return value == null || TrackIds.isValid(value);
    }
  }
}
