// Runs the browser-wasm build under Node: node main.mjs <sprite decoder.onnx> <tiles decoder.onnx> <reference.txt>
import { readFileSync } from 'node:fs';
import { dotnet } from './bin~/Release/net10.0/wwwroot/_framework/dotnet.js';

const { setModuleImports, runMain } = await dotnet
    .withApplicationArguments(...process.argv.slice(2))
    .create();
setModuleImports('main.mjs', { readBase64: (path) => readFileSync(path).toString('base64') });
process.exitCode = await runMain();
