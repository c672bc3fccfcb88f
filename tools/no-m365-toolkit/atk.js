#!/usr/bin/env node
// Reached only if something asks the Microsoft 365 Agents Toolkit to sideload a unified JSON manifest or an
// Outlook add-in: kpi-sheet sideloads its XML manifest into Excel without it (README, dependency notes).
process.stderr.write(
  'M365 Agents Toolkit は入れていません (Excel の XML マニフェストには不要です)。必要なら: npx -p @microsoft/m365agentstoolkit-cli@latest atk …\n' +
    'The M365 Agents Toolkit is not installed (an Excel XML manifest does not need it). If you need it: npx -p @microsoft/m365agentstoolkit-cli@latest atk …\n',
);
process.exitCode = 1;
