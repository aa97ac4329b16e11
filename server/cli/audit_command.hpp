#pragma once
// madoguchi audit <verify|export>: the auditors' tools over the audit trail of a database file.
#include <span>
#include <string_view>

namespace madoguchi::server::cli {

// `arguments` follow the word "audit". Exit status 0 ok (verify: the chain is intact), 1 failed
// (verify: the chain is broken), 2 a bad command line.
int run_audit_command(std::span<const std::string_view> arguments);

}  // namespace madoguchi::server::cli
