package dev.tokenledger.security.boundary;

import dev.tokenledger.security.control.DatabaseIdentity;
import dev.tokenledger.security.entity.Caller;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.sql.DataSource;

/**
 * Hands the caller's identity to PostgreSQL once per transaction, as transaction-local settings
 * that end with it: a pooled connection never carries one caller's identity into another's request.
 * A nested call in the same transaction must be for the same caller.
 */
@Interceptor
@CallerTransaction
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class CallerTransactionInterceptor {

    private static final Object IDENTITY_KEY = CallerTransactionInterceptor.class;

    @Resource(lookup = "java:jboss/datasources/TokenLedgerDS")
    DataSource dataSource;

    @Resource TransactionSynchronizationRegistry transaction;

    @AroundInvoke
    Object actAsCaller(InvocationContext invocation) throws Exception {
        Caller caller = callerOf(invocation);
        Object established = transaction.getResource(IDENTITY_KEY);
        if (established == null) {
            DatabaseIdentity.assume(dataSource, caller);
            transaction.putResource(IDENTITY_KEY, caller);
        } else if (!established.equals(caller)) {
            throw new IllegalStateException("one transaction cannot act for two callers");
        }
        return invocation.proceed();
    }

    private static Caller callerOf(InvocationContext invocation) {
        for (Object parameter : invocation.getParameters()) {
            if (parameter instanceof Caller caller) {
                return caller;
            }
        }
        throw new IllegalStateException(
                invocation.getMethod() + " is a caller transaction but takes no Caller parameter");
    }
}
