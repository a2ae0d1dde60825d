package app.dating.api.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource (class or method; the method's wins) anyone may call, signed in or not. Every resource
 * method is either {@code @Public} or names its {@link Roles}: {@link RolesCheck} refuses the
 * others, so a resource someone forgot to mark is closed, not open.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Public {}
