import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Option, type Command } from 'commander';
import { RingfenceError, createClickHouse } from '@ringfence/common';
import {
  PERIOD_TYPES,
  REPORT_LANGUAGES,
  exportPeriod,
  generateSigningKey,
  loadExporterConfig,
  loadSigner,
  verifyExport,
  type PeriodType,
} from '@ringfence/exporter';
import { mainJobFile, note, shown, userSetting, withMainJobSettings } from '../local-settings.js';
import { print } from '../output.js';

interface ExportFlags {
  period: PeriodType;
  date?: string;
  out?: string;
  database?: string;
  timeZone?: string;
  language?: (typeof REPORT_LANGUAGES)[number];
}

/** Yesterday in the time zone: the latest day that is complete. */
function yesterday(timeZone: string): string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return f.format(new Date(Date.now() - 86_400_000));
}

/** The public key to verify with (PEM), and on stderr where it came from unless the user named it. */
async function trustedKey(publicKeyFile: string | undefined): Promise<string | undefined> {
  if (publicKeyFile !== undefined) return readFile(publicKeyFile, 'utf8');
  const signingKey = userSetting('signingKey');
  if (signingKey !== undefined && signingKey !== '') {
    note('no --public-key: checking against the public half of SIGNING_KEY');
    return loadSigner(signingKey).publicKeyPem;
  }
  const mainJobs = mainJobFile('publicKey');
  if (mainJobs === undefined) return undefined;
  note(`no --public-key: checking against the main job's public key, ${shown(mainJobs)}`);
  return readFile(mainJobs, 'utf8');
}

export function registerExport(program: Command): void {
  const cmd = program
    .command('export')
    .description(
      'regulator export of one period: signed CSV/JSON/HTML in <out>/<period>/<label>/r<N>/ ' +
        "(needs CALLEE_HASH_KEY and SIGNING_KEY, inside the checkout the main job's by default; " +
        'CLICKHOUSE_URL, CLICKHOUSE_DATABASE, TIME_ZONE)',
    )
    .addOption(new Option('--period <type>', 'period type').choices(PERIOD_TYPES).default('daily'))
    .option('--date <YYYY-MM-DD>', 'a local day inside the period (default: yesterday)')
    .option('--out <dir>', 'output root (default $OUT_DIR or ./exports)')
    .option('--database <name>', 'ClickHouse database (default $CLICKHOUSE_DATABASE or ringfence)')
    .option('--time-zone <tz>', 'time zone of the period (default $TIME_ZONE or Asia/Shanghai)')
    .addOption(
      new Option('--language <lang>', 'language of report.html (default $REPORT_LANGUAGE or zh-CN)').choices(
        REPORT_LANGUAGES,
      ),
    )
    .action(async (flags: ExportFlags) => {
      const overrides: Record<string, unknown> = {};
      if (flags.out !== undefined) overrides['outDir'] = flags.out;
      if (flags.database !== undefined) overrides['clickhouseDatabase'] = flags.database;
      if (flags.timeZone !== undefined) overrides['timeZone'] = flags.timeZone;
      if (flags.language !== undefined) overrides['reportLanguage'] = flags.language;
      const c = loadExporterConfig({
        env: withMainJobSettings(['signingKey', 'calleeHashKey']),
        overrides,
      });
      const ch = createClickHouse({
        url: c.clickhouseUrl,
        database: c.clickhouseDatabase,
        username: c.clickhouseUser,
        password: c.clickhousePassword,
      });
      try {
        const r = await exportPeriod({
          db: { ch, database: c.clickhouseDatabase },
          period: flags.period,
          date: flags.date ?? yesterday(c.timeZone),
          outDir: c.outDir,
          signer: loadSigner(c.signingKey),
          calleeHashKey: c.calleeHashKey,
          timeZone: c.timeZone,
          minLevel: c.minLevel,
          topReasons: c.topReasons,
          samplesPerSource: c.samplesPerSource,
          language: c.reportLanguage,
        });
        const s = r.report.summary;
        print(
          `${r.period.type} ${r.period.label}: revision ${r.revision} ` +
            (r.status === 'new'
              ? `written${r.supersedes === null ? '' : ` (supersedes r${r.supersedes})`}`
              : 'unchanged (same data as the latest revision, nothing written)'),
        );
        print(`  ${r.location}`);
        if (r.period.toMs > Date.now())
          print('  the period is still open: a later export will supersede this one');
        print(
          `  calls ${s.callsAnalysed}, flagged numbers ${s.flaggedNumbers}, alerts ${s.alerts}, ` +
            `complaints ${s.complaintsReceived}, data up to ${r.watermark ?? 'none'}`,
        );
      } finally {
        await ch.close();
      }
    });

  cmd
    .command('verify <dir>')
    .description(
      'check an export revision: signature, every file hash, missing and extra files (exit 1 on any)',
    )
    .option(
      '--public-key <file>',
      "trusted Ed25519 public key (PEM): the carrier's published key (default: the public half of " +
        "SIGNING_KEY when set, else inside the checkout the main job's; without any, only the key " +
        'shipped in <dir>, which proves nothing about origin)',
    )
    .action(async (dir: string, flags: { publicKey?: string }) => {
      const r = await verifyExport(dir, await trustedKey(flags.publicKey));
      for (const p of r.problems) print(`${p.kind.toUpperCase()} ${p.file}: ${p.detail}`);
      const what =
        r.manifest === undefined
          ? dir
          : `${dir} (revision ${r.manifest.revision}, ${r.manifest.files.length} files)`;
      if (r.ok) {
        print(
          `OK ${what}, signed by ${r.keyFingerprint ?? '?'}${r.trustedKey ? '' : ' (key shipped with the export)'}`,
        );
      } else {
        print(`FAILED ${what}: ${r.problems.length} problem(s)`);
        process.exitCode = 1;
      }
      if (!r.trustedKey && r.keyFingerprint !== undefined) {
        // Anyone can change the files, sign them with a key of their own and ship that key beside
        // them: a pass here must not be read as "this came from the carrier".
        process.stderr.write(
          `WARNING: ${dir} was checked against the public key shipped inside the export, not a key ` +
            'you trust: this shows the files match their manifest, NOT who signed them. Verify with ' +
            "--public-key <the carrier's published key> to check origin.\n",
        );
      }
    });

  cmd
    .command('keygen <file>')
    .description('write a new Ed25519 signing key to <file> (PEM, mode 600) and its public key to <file>.pub')
    .action(async (file: string) => {
      const k = generateSigningKey();
      await mkdir(dirname(file), { recursive: true });
      try {
        await writeFile(file, k.privateKeyPem, { mode: 0o600, flag: 'wx' });
      } catch (err) {
        throw new RingfenceError('CONFLICT', `${file}: ${(err as Error).message}`, { cause: err });
      }
      await writeFile(`${file}.pub`, k.publicKeyPem, { flag: 'w' });
      print(`private key ${file}`);
      print(`public key  ${file}.pub`);
      print(`fingerprint ${loadSigner(k.privateKeyPem).fingerprint}`);
    });
}
