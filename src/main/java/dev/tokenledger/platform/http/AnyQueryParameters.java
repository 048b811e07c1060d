package dev.tokenledger.platform.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that reads query parameters it cannot declare (a dialect whose filters are named
 * after columns), so {@link KnownQueryParameters} leaves its requests alone. Inherited, so the
 * container's proxies of the resource carry it too.
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AnyQueryParameters {}
