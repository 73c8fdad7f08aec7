/**
 * The real yaml-language-server (the engine of VS Code's YAML extension), driven over stdio as an editor
 * drives it: initialize, settings, open a file, read the diagnostics it publishes, ask for hover.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  source?: string;
}

const SERVER = createRequire(import.meta.url).resolve('yaml-language-server/bin/yaml-language-server');

/** How long to wait for the server to answer: generous, the machine may be busy with other test files. */
const PATIENCE_MS = 20_000;

export class YamlLanguageServer {
  private readonly published = new Map<string, (diagnostics: Diagnostic[]) => void>();
  private version = 0;

  private constructor(
    private readonly process: ChildProcess,
    private readonly connection: MessageConnection,
    private readonly root: string,
  ) {}

  /** A server for the workspace `root`, with the `yaml` settings a VS Code user would have (yaml.schemas...). */
  static async start(root: string, yamlSettings: Record<string, unknown>): Promise<YamlLanguageServer> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new YamlLanguageServer(child, connection, root);
    // No network in tests: SchemaStore and the Kubernetes CRD store would fetch catalogs.
    const settings: Record<string, unknown> = {
      yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, kubernetesCRDStore: { enable: false }, ...yamlSettings },
    };
    // The server pulls its settings (workspace/configuration) as VS Code serves them, section by section.
    connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => settings[item.section ?? ''] ?? null),
    );
    connection.onRequest(() => null); // client/registerCapability and the like: nothing to do
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      server.published.get(params.uri)?.(params.diagnostics);
    });
    connection.listen();
    try {
      const uri = pathToFileURL(root).href;
      await server.within('initialize', connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, capabilities: {}, workspaceFolders: [{ uri, name: 'pmo' }] }));
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('workspace/didChangeConfiguration', { settings });
      // The server applies settings asynchronously; its code lens handler waits for them to be applied, so
      // its answer means the schemas are in place before any file is opened.
      await server.within('settings', connection.sendRequest('textDocument/codeLens', { textDocument: { uri: `${uri}/none.yaml` } }));
    } catch (error) {
      server.close();
      throw error;
    }
    return server;
  }

  /** Opens a file of the workspace (as on disk) and returns the diagnostics the server publishes for it. */
  async diagnostics(file: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(join(this.root, file)).href;
    const published = new Promise<Diagnostic[]>((resolve) => this.published.set(uri, resolve));
    const text = readFileSync(join(this.root, file), 'utf8');
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: ++this.version, text } });
    try {
      return await this.within(`diagnostics of ${file}`, published);
    } finally {
      this.published.delete(uri);
      await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  }

  /** What the editor shows on hover at a 0-based line and character of an opened file. */
  async hover(file: string, line: number, character: number): Promise<string> {
    const uri = pathToFileURL(join(this.root, file)).href;
    const text = readFileSync(join(this.root, file), 'utf8');
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: ++this.version, text } });
    try {
      const hover = await this.within('hover', this.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } }));
      return hover?.contents.value ?? '';
    } finally {
      await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  }

  /** Ends the server whatever state it is in: the process is killed, not asked. */
  close(): void {
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
  }

  private within<T>(what: string, promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`yaml-language-server gave no ${what} within ${PATIENCE_MS / 1000} s`)), PATIENCE_MS);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}
