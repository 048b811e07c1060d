package dev.tokenledger.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/api/v1")
public class TokenLedgerApplication extends Application {}
