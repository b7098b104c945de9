package dev.herald.preflight;

import java.nio.file.Path;
import java.util.Optional;

/** Where the key material the application needs lives. */
record KeyLocations(
    Path jwtPrivateKey, Path jwtPublicKey, Path dataKey, Optional<Path> adminPassword) {}
