#pragma once

namespace madoguchi::client {

class App;
class FirmwareCompliance;

// ファームウェア: the models with their counts against the target; the opened model's running
// versions, devices behind, its target (set by the IT office) and its release plan ticket.
void draw_firmware_compliance(App& app, FirmwareCompliance& firmware);

}  // namespace madoguchi::client
