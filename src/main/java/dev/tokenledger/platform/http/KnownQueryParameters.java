package dev.tokenledger.platform.http;

import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses query parameters the matched endpoint does not take, and a parameter given twice: a
 * misspelt filter ({@code ?modle=gpt-4o}) would otherwise be ignored and answer with everything,
 * and of {@code model=a&model=b} only the first would count. Answered 422 naming the parameter.
 */
@Provider
@Priority(Priorities.USER)
public class KnownQueryParameters implements ContainerRequestFilter {

    @Context ResourceInfo resourceInfo;

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> resource = resourceInfo.getResourceClass();
        if (method == null
                || resource == null
                || resource.isAnnotationPresent(AnyQueryParameters.class)) {
            return;
        }
        Set<String> known = declared.computeIfAbsent(method, KnownQueryParameters::names);
        for (Map.Entry<String, List<String>> given :
                request.getUriInfo().getQueryParameters().entrySet()) {
            String name = given.getKey();
            if (name.isEmpty()) {
                continue; // a stray '&' names nothing
            }
            if (!known.contains(name)) {
                throw ProblemException.invalid(
                        Violation.atParameter(
                                name,
                                known.isEmpty()
                                        ? "is not a parameter of this endpoint, which takes none."
                                        : "is not a parameter of this endpoint; it takes "
                                                + String.join(", ", known)
                                                + "."));
            }
            if (given.getValue().size() > 1) {
                throw ProblemException.invalid(
                        Violation.atParameter(name, "must be given at most once."));
            }
        }
    }

    private static Set<String> names(Method method) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        return names;
    }
}
