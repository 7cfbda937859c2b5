/**
 * The Phaser the production build ships: Phaser's own "core" entry (game, scenes, cameras, input,
 * text, graphics, images, textures, tweens, both renderers) plus the game objects our scenes add
 * that the core entry leaves out (containers, polygons, rectangles, and the game-object events). Physics, tilemaps, particles,
 * sound and the rest are not loaded: 228 KB gzipped instead of 354 KB for the full build. Built by
 * client/vite.config.ts (build only; the dev server uses the full build).
 */
const Phaser = require('phaser-src/phaser-core.js');

const GameObjects = Phaser.GameObjects;
GameObjects.Events = require('phaser-src/gameobjects/events/index.js');
GameObjects.Container = require('phaser-src/gameobjects/container/Container.js');
GameObjects.Polygon = require('phaser-src/gameobjects/shape/polygon/Polygon.js');
GameObjects.Rectangle = require('phaser-src/gameobjects/shape/rectangle/Rectangle.js');
// Requiring a factory or creator registers it on the scene's `add` and `make`.
require('phaser-src/gameobjects/container/ContainerFactory.js');
require('phaser-src/gameobjects/container/ContainerCreator.js');
require('phaser-src/gameobjects/shape/polygon/PolygonFactory.js');
require('phaser-src/gameobjects/shape/rectangle/RectangleFactory.js');

module.exports = Phaser;
