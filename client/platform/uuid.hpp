#pragma once
// Random (version 4) UUIDs made on this device: draft ids and their Idempotency-Keys.
// One implementation per platform (web: crypto.getRandomValues; native: std::random_device).
#include <string>

namespace madoguchi::client {

std::string new_uuid();

}  // namespace madoguchi::client
