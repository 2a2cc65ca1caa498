#pragma once

#include <QJsonObject>

// The shared signing test vectors (shared/testdata/signing-vectors.json), read by both the client's
// signer tests and the simulator's verifier tests so that both sides are held to the same answers.
// WORKSPACE_SIGNING_VECTORS overrides the path; an unreadable file is fatal, since every row
// depending on it would otherwise pass vacuously.
QJsonObject loadSigningVectors();
