package dev.tokenledger.security.boundary;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks EJB methods whose transaction runs on the caller's behalf: before their first statement,
 * {@link CallerTransactionInterceptor} tells PostgreSQL who the caller is, taken from the method's
 * {@code Caller} parameter.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CallerTransaction {}
