package io.listening.webapp.recommendations;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.springframework.lang.Nullable;

/** The annotated string follows {@link RecentTracks#RULE}. */
@Documented
@Constraint(validatedBy = ValidRecentTracks.Validator.class)
@Target(PARAMETER)
@Retention(RUNTIME)
@interface ValidRecentTracks {

  String message() default RecentTracks.RULE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidRecentTracks, String> {

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
      return RecentTracks.parse(value) != null;
    }
  }
}
