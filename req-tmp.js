const h=()=>{global.gc();return process.memoryUsage().heapUsed/1048576};
(async()=>{
let last=h(); const step=async(name,f)=>{await f(); const now=h(); console.log(name.padEnd(50), (now-last).toFixed(1)); last=now;};
let app, config, core;
await step('require app', ()=>{app=require('./dist/bot/app'); config=require('./dist/bot/config');});
const os=require('os'),fs=require('fs'),path=require('path');
const dataDir=fs.mkdtempSync(path.join(os.tmpdir(),'rq-'));
await step('createBotCore', ()=>{core=app.createBotCore(config.loadConfig({NODE_ENV:'production',DATA_DIR:dataDir,DIRECTLINE_MODE:'off'}),{logger:require('./dist/common/logger').silentLogger()});});
await step('ready', async()=>{await core.storage.ready(); await core.ready;});
console.log('total', last.toFixed(1));
if (process.env.SNAP) require('v8').writeHeapSnapshot('/tmp/integrator/start.heapsnapshot');
process.exit(0);
})();
